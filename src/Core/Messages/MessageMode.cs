namespace CustomerFunctions.Core.Messages;

/// <summary>allMustRead: each recipient acknowledges for themself; singleRead: the first acknowledgement closes it for everyone.</summary>
public enum MessageMode { AllMustRead, SingleRead }

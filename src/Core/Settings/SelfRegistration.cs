namespace CustomerFunctions.Core.Settings;

public enum SelfRegistration { Disabled, Open, ApprovalRequired }

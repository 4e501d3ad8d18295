namespace CustomerFunctions.Core.Messages;

/// <summary>A message a user still has to see, as their inbox lists it: the account it came through and when it was sent.</summary>
public sealed record InboxEntry(string AccountId, string MessageId, DateTimeOffset SentAt);

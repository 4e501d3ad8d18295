namespace CustomerFunctions.Core.Messages;

/// <summary>A message the caller still has to see, and the account it came through.</summary>
public sealed record InboxItemView(string AccountId, string AccountName, string MessageId, string Subject, string Body, MessageMode Mode, DateTimeOffset SentAt);

using Azure;

namespace CustomerFunctions.Core.Messages;

/// <summary>A fan-out's progress as read: the last customer delivered ("" before the first), whether it finished, the row's ETag.</summary>
public sealed record FanOutState(string Cursor, bool Done, ETag ETag);

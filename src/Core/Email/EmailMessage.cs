namespace CustomerFunctions.Core.Email;

/// <summary>
/// One email to send, as it travels on the emails queue: a template and its values, rendered by the queue handler in
/// the recipient's language. <see cref="Id"/> is unique per email and makes sending idempotent.
/// </summary>
public sealed record EmailMessage(string Id, string Template, string Language, string To, string? ToName, IReadOnlyDictionary<string, string> Values)
{
    public string? AccountId { get; init; }
}

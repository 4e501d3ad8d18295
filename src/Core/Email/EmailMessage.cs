using System.Text.Json.Serialization;

namespace CustomerFunctions.Core.Email;

/// <summary>
/// One email to send, as it travels on the emails queue: a template and its values, rendered by the queue handler in
/// the recipient's language. <see cref="Id"/> is unique per email and makes sending idempotent.
/// </summary>
public sealed record EmailMessage(string Id, string Template, string Language, string To, string? ToName, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The account the email is about; failed emails keep it at their top level too (see <see cref="FailedEmail"/>).</summary>
    public string? AccountId { get; init; }

    /// <summary>When it was first put on the queue (stamped by <see cref="EmailQueue"/>; left out until then, so outbox rows read as before).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>
    /// The recipient and the values, encrypted with the account's email key while the email waits on a queue
    /// (<see cref="QueuedEmailSeal"/>); <see cref="To"/>, <see cref="ToName"/> and <see cref="Values"/> are empty meanwhile.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sealed { get; init; }

    /// <summary>The W3C trace context of the work that queued it, so sending it continues that trace (a queue keeps no headers).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TraceParent { get; init; }
}

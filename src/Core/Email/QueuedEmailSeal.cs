using System.Text.Json;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Registration;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Email;

/// <summary>
/// Seals an account's email before it goes on a queue and opens it when it is sent: the recipient's address and name
/// and the template's values (names, free text, links with tokens) travel encrypted with the account's email key
/// (<see cref="QueuedEmailKeys"/>), so erasing the account makes every copy unreadable, in the emails queue and in
/// the poison queue alike. The id, account, template and language stay readable for routing, budgets and telemetry.
/// </summary>
public sealed class QueuedEmailSeal(QueuedEmailKeys keys)
{
    /// <summary>
    /// The account's last words (deleted, rejected) are queued after its erasure on purpose, so they are not sealed with
    /// the key the erasure destroys (nor does their sealing create a new one).
    /// </summary>
    public static readonly IReadOnlySet<string> SentAfterTheErasure = new HashSet<string> { DeletionEmails.Deleted, RegistrationEmails.Rejected };

    public async Task<EmailMessage> SealAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (message.AccountId is not { } accountId || message.Sealed is not null || SentAfterTheErasure.Contains(message.Template))
        {
            return message;
        }
        var accountKeys = await keys.ForSealingAsync(accountId, cancellationToken);
        var personal = JsonSerializer.Serialize(new PersonalPart(message.To, message.ToName, message.Values), Json.Options);
        return message with { To = "", ToName = null, Values = new Dictionary<string, string>(), Sealed = SealedText.Seal(personal, BoundTo(message), accountKeys) };
    }

    /// <summary>The email ready to send; null when it can no longer be opened (its account was erased).</summary>
    public async Task<EmailMessage?> OpenAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (message.Sealed is not { } sealedText)
        {
            return message;
        }
        if (message.AccountId is not { } accountId || await keys.ForOpeningAsync(accountId, cancellationToken) is not { } accountKeys
            || SealedText.Open(sealedText, BoundTo(message), accountKeys) is not { } personalText)
        {
            return null;
        }
        var personal = JsonSerializer.Deserialize<PersonalPart>(personalText, Json.Options)!;
        return message with { To = personal.To, ToName = personal.ToName, Values = personal.Values, Sealed = null };
    }

    // Binds the sealed part to its email, so it cannot be moved into another email and opened there.
    private static string BoundTo(EmailMessage message) => $"queued-email|{message.Id}|{message.AccountId}|{message.Template}";

    private sealed record PersonalPart(string To, string? ToName, IReadOnlyDictionary<string, string> Values);
}

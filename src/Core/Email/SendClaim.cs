using Azure;

namespace CustomerFunctions.Core.Email;

/// <summary>What a delivery of an email queue message may do, decided by the email's row in SentEmails.</summary>
public abstract record SendClaim
{
    /// <summary>This delivery holds the email and sends it.</summary>
    public sealed record Granted(ETag ETag) : SendClaim;

    /// <summary>The email went out already: nothing to do.</summary>
    public sealed record AlreadySent : SendClaim;

    /// <summary>Another delivery is sending it right now; look again once its lease ends.</summary>
    public sealed record Busy(DateTimeOffset Until) : SendClaim;
}

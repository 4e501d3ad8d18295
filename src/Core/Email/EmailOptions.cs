namespace CustomerFunctions.Core.Email;

/// <summary>The <c>Email</c> settings: which sender, and each sender's own section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary><c>pickup</c> (default), <c>smtp</c> or <c>acs</c>.</summary>
    public string Provider { get; set; } = "pickup";
    public string PickupDirectory { get; set; } = Path.Combine(".local", "mail");

    /// <summary>The From of SMTP and pickup emails (Communication Services uses <see cref="AcsOptions.SenderAddress"/>).</summary>
    public string FromAddress { get; set; } = "no-reply@customer-functions.local";
    public string FromName { get; set; } = "Customer Functions";

    /// <summary>How long a delivery holds an email while it sends; a redelivery waits for it (or for its crash to expire).</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How soon a delivery that found the email busy looks again (it finds it sent, or the holder's lease expired).</summary>
    public TimeSpan BusyRecheckDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sends per <see cref="RateWindow"/> and instance (0 = no limit); keep it under the provider's quota.</summary>
    public int RateLimit { get; set; }
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Sends per <see cref="BudgetWindow"/> for the whole platform, counted in storage (0 = no budget). Keep it under the
    /// provider's quota (Communication Services with a custom domain: 100 an hour).
    /// </summary>
    public int Budget { get; set; } = 100;
    public TimeSpan BudgetWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The part of <see cref="Budget"/> only transactional mail may use: notices wait once the rest is spent.</summary>
    public int NoticeReserve { get; set; } = 30;

    /// <summary>
    /// Tries of an email before it is kept in the poison queue (without expiry). Equal to host.json's
    /// <c>queues.maxDequeueCount</c>, so the handler, not the host (whose poison messages expire after 7 days), moves it.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    public SmtpOptions Smtp { get; set; } = new();
    public AcsOptions Acs { get; set; } = new();

    /// <summary>Set by the host: only Development may write emails to a pickup folder instead of sending them.</summary>
    public bool IsDevelopment { get; set; }
}

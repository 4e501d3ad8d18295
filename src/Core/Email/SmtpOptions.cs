namespace CustomerFunctions.Core.Email;

/// <summary>The <c>Email:Smtp</c> settings: the relay, its security and credentials.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Optional; with Communication Services' SMTP relay, the SMTP username of an Entra app.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an email waits after the server answers "too busy" (421, 432) before it is tried again.</summary>
    public TimeSpan ThrottleDelay { get; set; } = TimeSpan.FromMinutes(1);
}

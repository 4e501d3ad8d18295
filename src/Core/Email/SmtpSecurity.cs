namespace CustomerFunctions.Core.Email;

/// <summary>How the SMTP sender secures its connection.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS: only for a relay on the same host or a test server.</summary>
    None,
}

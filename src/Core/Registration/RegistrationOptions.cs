using Microsoft.Extensions.Configuration;

namespace CustomerFunctions.Core.Registration;

/// <summary>Limits of the anonymous registration endpoint (configuration section <c>Registration</c>).</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registration";

    /// <summary>Registration attempts one client address may make per hour window, counted in storage across all instances.</summary>
    public int PerAddressPerHour { get; set; } = 20;

    /// <summary>Confirmation emails one address receives per rolling hour, counted in storage across all instances.</summary>
    public int EmailsPerAddressPerHour { get; set; } = 3;

    /// <summary>
    /// A header a trusted front end sets to the client's address (e.g. <c>X-Forwarded-For</c> behind Azure Front Door or
    /// App Service): its last entry, the one that front end appended, is the address counted. Empty: the connection's
    /// remote address. Never set this where clients reach the app directly, or they choose their own address.
    /// </summary>
    public string? ClientAddressHeader { get; set; }

    /// <summary>How long a confirmation token works.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromHours(24);

    public static RegistrationOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<RegistrationOptions>() ?? new RegistrationOptions();
}

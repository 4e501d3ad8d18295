using CustomerFunctions.Core.Email;

namespace CustomerFunctions.Core.Registration;

public sealed class RegistrationEmails : IEmailTemplateSet
{
    public const string Confirmation = "registration-confirmation";
    public const string BeingVerified = "registration-being-verified";
    public const string Approved = "registration-approved";
    public const string Rejected = "registration-rejected";

    public IEnumerable<EmailTemplate> Templates =>
    [
        new(Confirmation, "en", EmailClass.Transactional, "Confirm your registration of {companyName}",
            "Hello {fullName},\n\nthank you for registering {companyName} (identifier {accountId}).\n\nConfirm your email address here, signed in with the account you want to use (the link works once and until {expiresAt}):\n{link}\n\nIf you did not register, ignore this email; nothing is created.\n"),
        new(Confirmation, "de", EmailClass.Transactional, "Bestätigen Sie die Registrierung von {companyName}",
            "Hallo {fullName},\n\ndanke für die Registrierung von {companyName} (Kennung {accountId}).\n\nBestätigen Sie hier Ihre E-Mail-Adresse, angemeldet mit dem Konto, das Sie nutzen möchten (der Link gilt einmal und bis {expiresAt}):\n{link}\n\nFalls Sie sich nicht registriert haben, ignorieren Sie diese E-Mail; es wird nichts angelegt.\n"),
        new(BeingVerified, "en", EmailClass.Notice, "Your account {companyName} is being verified",
            "Hello {fullName},\n\nyour account {companyName} has been created and is now being verified. You can already sign in and look around; as soon as it is approved, we will email you and you can start working.\n"),
        new(BeingVerified, "de", EmailClass.Notice, "Ihr Konto {companyName} wird geprüft",
            "Hallo {fullName},\n\nIhr Konto {companyName} wurde angelegt und wird nun geprüft. Sie können sich bereits anmelden und umsehen; sobald es freigegeben ist, erhalten Sie eine E-Mail und können loslegen.\n"),
        new(Approved, "en", EmailClass.Transactional, "Your account {companyName} is approved",
            "Hello {fullName},\n\nyour account {companyName} has been approved. You can now start working with your cloud resources.\n"),
        new(Approved, "de", EmailClass.Transactional, "Ihr Konto {companyName} ist freigegeben",
            "Hallo {fullName},\n\nIhr Konto {companyName} wurde freigegeben. Sie können jetzt mit Ihren Cloud-Ressourcen arbeiten.\n"),
        new(Rejected, "en", EmailClass.Notice, "Your registration of {companyName} was declined",
            "Hello {fullName},\n\nyour registration of {companyName} was declined and the account has been removed.\n\nReason: {reason}\n"),
        new(Rejected, "de", EmailClass.Notice, "Ihre Registrierung von {companyName} wurde abgelehnt",
            "Hallo {fullName},\n\nIhre Registrierung von {companyName} wurde abgelehnt und das Konto entfernt.\n\nBegründung: {reason}\n"),
    ];
}

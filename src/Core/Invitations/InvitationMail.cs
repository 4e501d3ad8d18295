using System.Globalization;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Invitations;

/// <summary>Builds the invitation email (in the invitation's language, else the account's) that carries the one working token.</summary>
public sealed class InvitationMail(IOptions<PanelOptions> panel, IdGenerator ids)
{
    public const string AcceptPath = "invitations/accept";

    public SendEmail Compose(Account account, Invitation invitation, string token)
    {
        var language = invitation.Language ?? account.Language;
        var german = language == "de";
        var values = new Dictionary<string, string>
        {
            ["accountName"] = account.Name,
            ["fullName"] = invitation.FullName,
            ["inviterName"] = invitation.InvitedBy.Name ?? (german ? "Ein Administrator" : "An administrator"),
            ["role"] = RoleLabel(invitation.Role, german),
            ["expiresAt"] = german
                ? invitation.ExpiresAt.UtcDateTime.ToString("dd.MM.yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)
                : invitation.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["link"] = panel.Value.Link(AcceptPath, token),
        };
        return new SendEmail(new EmailMessage(ids.New(), InvitationEmails.Invitation, language, invitation.Email, invitation.FullName, values)
        {
            AccountId = account.Id,
        });
    }

    private static string RoleLabel(MemberRole role, bool german) => (role, german) switch
    {
        (MemberRole.CustomerAdmin, false) => "customer admin",
        (MemberRole.CustomerEmployee, false) => "customer employee",
        (MemberRole.PartnerAdmin, false) => "partner admin",
        (MemberRole.PartnerEmployee, false) => "partner employee",
        (MemberRole.CustomerAdmin, true) => "Kunden-Administrator",
        (MemberRole.CustomerEmployee, true) => "Kunden-Mitarbeiter",
        (MemberRole.PartnerAdmin, true) => "Partner-Administrator",
        _ => "Partner-Mitarbeiter",
    };
}

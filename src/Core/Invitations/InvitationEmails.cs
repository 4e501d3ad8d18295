using CustomerFunctions.Core.Email;

namespace CustomerFunctions.Core.Invitations;

public sealed class InvitationEmails : IEmailTemplateSet
{
    public const string Invitation = "invitation";

    public IEnumerable<EmailTemplate> Templates =>
    [
        new(Invitation, "en", EmailClass.Transactional, "You are invited to {accountName}",
            "Hello {fullName},\n\n{inviterName} invited you to join {accountName} as {role}.\n\nAccept the invitation here (the link works once and expires on {expiresAt}):\n{link}\n"),
        new(Invitation, "de", EmailClass.Transactional, "Einladung zu {accountName}",
            "Hallo {fullName},\n\n{inviterName} hat Sie eingeladen, {accountName} als {role} beizutreten.\n\nHier nehmen Sie die Einladung an (der Link gilt einmal und bis {expiresAt}):\n{link}\n"),
    ];
}

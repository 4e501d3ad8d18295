using CustomerFunctions.Core.Settings;

namespace CustomerFunctions.Core.Members;

/// <summary>
/// What the panel may show this user: the platform's self-registration mode, and whether they may hand out invitation
/// links (links are enabled and the user is an operator or a member of a partner).
/// </summary>
public sealed record MeFeatures(SelfRegistration SelfRegistration, bool InvitationLinks)
{
    public static MeFeatures For(OperatorSettings settings, bool mayManageLinks) =>
        new(settings.SelfRegistration, settings.InvitationLinks && mayManageLinks);
}

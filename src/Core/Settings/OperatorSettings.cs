using System.Text.Json;
using CustomerFunctions.Core.History;

namespace CustomerFunctions.Core.Settings;

/// <summary>Platform-wide settings an operator keeps.</summary>
public sealed record OperatorSettings(SelfRegistration SelfRegistration, bool InvitationLinks, int DeletionGraceDays)
{
    public const int MaxDeletionGraceDays = 365;

    public static OperatorSettings Defaults { get; } = new(SelfRegistration.Disabled, InvitationLinks: false, DeletionGraceDays: 10);

    /// <summary>Whether anyone may register without an invitation link.</summary>
    public bool RegistrationOpenToAll => SelfRegistration != SelfRegistration.Disabled;

    /// <summary>Whether a confirmed registration waits for an operator or partner to approve it.</summary>
    public bool RegistrationsNeedApproval => SelfRegistration == SelfRegistration.ApprovalRequired;

    /// <summary>The fields that differ from <paramref name="before"/>, as the audit records them (API names and values).</summary>
    public IReadOnlyList<FieldChange> ChangesSince(OperatorSettings before)
    {
        var changes = new List<FieldChange>();
        if (before.SelfRegistration != SelfRegistration)
        {
            changes.Add(new("selfRegistration", ApiName(before.SelfRegistration), ApiName(SelfRegistration)));
        }
        if (before.InvitationLinks != InvitationLinks)
        {
            changes.Add(new("invitationLinks", before.InvitationLinks, InvitationLinks));
        }
        if (before.DeletionGraceDays != DeletionGraceDays)
        {
            changes.Add(new("deletionGraceDays", before.DeletionGraceDays, DeletionGraceDays));
        }
        return changes;
    }

    public static string ApiName(SelfRegistration mode) => JsonNamingPolicy.CamelCase.ConvertName(mode.ToString());
}

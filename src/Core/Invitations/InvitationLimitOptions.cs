namespace CustomerFunctions.Core.Invitations;

/// <summary>
/// How many invitation emails may go out (configuration section <c>Invitations</c>), each a fixed window counted in
/// storage, so every instance shares one count. Creating and resending both count.
/// </summary>
public sealed class InvitationLimitOptions
{
    public const string Section = "Invitations";

    /// <summary>Invitation emails (new and resent) one account sends per clock hour window.</summary>
    public int PerAccountPerHour { get; set; } = 20;

    /// <summary>Invitation emails one address receives per day window, from all accounts together.</summary>
    public int PerRecipientPerDay { get; set; } = 5;

    /// <summary>Resends of one invitation per day window.</summary>
    public int ResendsPerInvitationPerDay { get; set; } = 3;
}

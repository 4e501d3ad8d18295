namespace CustomerFunctions.Core.Invitations;

/// <summary>Stored states are pending, accepted and cancelled; expired is a pending invitation whose time ran out.</summary>
public enum InvitationState { Pending, Accepted, Expired, Cancelled }

namespace CustomerFunctions.Core.Registration;

public enum InvitationLinkState { Active, Expired, UsedUp, Revoked }

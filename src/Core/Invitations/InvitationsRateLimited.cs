using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Invitations;

/// <summary>An invitation email over one of the limits in <see cref="InvitationLimitOptions"/>; nothing was changed or sent.</summary>
public sealed record InvitationsRateLimited(string Detail, TimeSpan RetryAfter) : TooManyRequests(Detail, RetryAfter)
{
    public static InvitationsRateLimited ForAccount(TimeSpan wait) => new("This account has sent its invitation emails for now; try again later.", wait);

    public static InvitationsRateLimited ForRecipient(TimeSpan wait) => new("This address has received its invitation emails for now; try again later.", wait);

    public static InvitationsRateLimited ForInvitation(TimeSpan wait) => new("This invitation was resent its allowed number of times for now; try again later.", wait);
}

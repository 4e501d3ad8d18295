using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Core.Registration;

/// <summary>Deletes a confirmed registration's pending row, so its token stops working.</summary>
public sealed record ForgetRegistration(string TokenHash) : SideEffect
{
    public override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<RegistrationStore>().ForgetAsync(TokenHash, cancellationToken);
}

/// <summary>Event types of this feature not in the shared list.</summary>
public static class RegistrationEvents
{
    public const string CustomerRejected = "CUSTOMER_REJECTED";
    public const string InvitationLinkCreated = "INVITATION_LINK_CREATED";
    public const string InvitationLinkRevoked = "INVITATION_LINK_REVOKED";
}

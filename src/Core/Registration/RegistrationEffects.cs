using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerFunctions.Core.Registration;

/// <summary>Deletes a confirmed registration's pending row, so its token stops working.</summary>
public sealed record ForgetRegistration(string TokenHash) : SideEffect
{
    public override Task RunAsync(string accountId, IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<RegistrationStore>().ForgetAsync(TokenHash, cancellationToken);
}

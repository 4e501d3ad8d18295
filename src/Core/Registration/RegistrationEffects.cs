using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Registration;

/// <summary>Deletes a confirmed registration's pending row, so its token stops working.</summary>
public sealed record ForgetRegistration(string TokenHash) : SideEffect<RegistrationStore>
{
    public override Task RunAsync(string accountId, RegistrationStore store, CancellationToken cancellationToken) =>
        store.ForgetAsync(TokenHash, cancellationToken);
}

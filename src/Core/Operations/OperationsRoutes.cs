using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Operations;

/// <summary>Operators' tools for the machinery: parked side effects.</summary>
public static class OperationsRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<ParkedEffectEndpoints>.For("ListParkedEffects", "GET", "operator/outbox/parked", Access.Operators, (e, r) => e.List(r))
            with { Summary = "Side effects parked after failing too often (account, effect kinds, last error, attempts, when parked), in account order", ResponseType = typeof(ParkedEffectList), Query = ["pageSize", "continuationToken"] },
        Route<ParkedEffectEndpoints>.For("ReplayParkedEffect", "POST", "operator/outbox/parked/{accountId}/{effectId}/replay", Access.Operators, (e, r) => e.Replay(r))
            with { Summary = "Run a parked side effect again now: done, or failed and back in the retry cycle (parked again after its tries)", ResponseType = typeof(ReplayedEffect) },
    ];
}

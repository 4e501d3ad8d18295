using System.Text.RegularExpressions;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Operations;

/// <summary>Lists parked outbox rows and replays one.</summary>
public sealed partial class ParkedEffectEndpoints(ParkedEffects parked, Outbox outbox, Paging paging)
{
    public async Task<ApiResponse> List(ApiRequest request)
    {
        var (rows, token) = await paging.QueryAsync(parked.Table, ParkedEffects.Filter, request, Paging.Scope(request));
        return ApiResponse.Ok(new ParkedEffectList([.. rows.Select(ParkedEffects.FromEntity)], token));
    }

    public async Task<Answer<ApiResponse, NotFound>> Replay(ApiRequest request)
    {
        var accountId = request.RouteValue("accountId");
        var effectId = request.RouteValue("effectId");
        if (!Keys.IsIdentifier(accountId) || !EffectId().IsMatch(effectId)
            || await outbox.ReplayAsync(accountId, effectId, request.Aborted) is not { } outcome)
        {
            return new NotFound("The parked effect");
        }
        return ApiResponse.Ok(new ReplayedEffect(accountId, effectId, outcome));
    }

    /// <summary>A command id (32 hex digits), with the number of a further row of the same command.</summary>
    [GeneratedRegex("^[0-9a-f]{32}(-[1-9][0-9]{0,3})?$")]
    private static partial Regex EffectId();
}

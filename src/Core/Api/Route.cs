using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;
using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Api;

/// <summary>
/// Declares the routes of one endpoints class: <c>Route&lt;MemberEndpoints&gt;.For("RemoveMember", "DELETE", ..., Access.Writes(Allowed.Admins), (e, s, r) =&gt; e.Remove(s, r))</c>.
/// The handler's answer type is inferred, so the route knows every answer the handler can give.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "The class fixes TEndpoints so that the answer type is inferred from the handler.")]
public static class Route<TEndpoints>
    where TEndpoints : class
{
    /// <summary>A route on the account named in the route: the handler receives the session, already authorized.</summary>
    public static ApiRoute For<TAnswer>(string name, string verb, string route, Access access, Func<TEndpoints, AccountSession, ApiRequest, Task<TAnswer>> handler)
        where TAnswer : IResult
    {
        if (access.Audience != Audience.Account)
        {
            throw new ArgumentException($"Route {name}: a handler taking a session needs account access.", nameof(access));
        }
        return new ApiRoute(name, verb, route, access, typeof(TEndpoints), typeof(TAnswer), async (endpoints, session, request) => await handler((TEndpoints)endpoints, session!, request));
    }

    /// <summary>A route that is not about one account named in the route (anonymous, any signed-in user, operators).</summary>
    public static ApiRoute For<TAnswer>(string name, string verb, string route, Access access, Func<TEndpoints, ApiRequest, Task<TAnswer>> handler)
        where TAnswer : IResult
    {
        if (access.Audience == Audience.Account)
        {
            throw new ArgumentException($"Route {name}: an account route's handler takes the session.", nameof(access));
        }
        return new ApiRoute(name, verb, route, access, typeof(TEndpoints), typeof(TAnswer), async (endpoints, _, request) => await handler((TEndpoints)endpoints, request));
    }
}

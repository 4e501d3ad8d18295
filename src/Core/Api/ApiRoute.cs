using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Http;
using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Api;

/// <summary>
/// One entry of the route table: both hosts expose exactly these (name, verb, route) triples. <see cref="Access"/> says
/// who may call it; the dispatcher enforces it before the handler runs and hands account routes their authorized session.
/// </summary>
public sealed record ApiRoute(string Name, string Verb, string Route, Access Access, Type Endpoints, Type AnswerType, Func<object, AccountSession?, ApiRequest, Task<IResult>> Invoke)
{
    public RouteTemplate Template { get; } = new(Route);
    public bool Anonymous => Access.IsAnonymous;
    public string Summary { get; init; } = "";
    public string Who => Access.Who;
    public Type? BodyType { get; init; }
    public Type? ResponseType { get; init; }
    public IReadOnlyList<string> Query { get; init; } = [];

    /// <summary>Also answers <c>Accept: text/csv</c>, with the next page's token in a <c>Continuation-Token</c> header.</summary>
    public bool Csv { get; init; }

    /// <summary>A route on the account named in the route: the handler receives the session, already authorized.</summary>
    public static ApiRoute For<TEndpoints, TAnswer>(string name, string verb, string route, Access access, Func<TEndpoints, AccountSession, ApiRequest, Task<TAnswer>> handler)
        where TEndpoints : class
        where TAnswer : IResult
    {
        if (access.Audience != Audience.Account)
        {
            throw new ArgumentException($"Route {name}: a handler taking a session needs account access.", nameof(access));
        }
        return new(name, verb, route, access, typeof(TEndpoints), typeof(TAnswer), async (endpoints, session, request) => await handler((TEndpoints)endpoints, session!, request));
    }

    /// <summary>A route that is not about one account named in the route (anonymous, any signed-in user, operators).</summary>
    public static ApiRoute For<TEndpoints, TAnswer>(string name, string verb, string route, Access access, Func<TEndpoints, ApiRequest, Task<TAnswer>> handler)
        where TEndpoints : class
        where TAnswer : IResult
    {
        if (access.Audience == Audience.Account)
        {
            throw new ArgumentException($"Route {name}: an account route's handler takes the session.", nameof(access));
        }
        return new(name, verb, route, access, typeof(TEndpoints), typeof(TAnswer), async (endpoints, _, request) => await handler((TEndpoints)endpoints, request));
    }

    /// <summary>
    /// A route whose handler still opens and authorizes its own session (the shape before declared access); the
    /// dispatcher enforces only the audience. Removed once every feature is on the typed forms above.
    /// </summary>
    public static ApiRoute Legacy<TEndpoints>(string name, string verb, string route, Access access, Func<TEndpoints, ApiRequest, Task<IResult>> handler)
        where TEndpoints : class =>
        new(name, verb, route, access, typeof(TEndpoints), typeof(IResult), (endpoints, _, request) => handler((TEndpoints)endpoints, request)) { IsLegacy = true };

    public bool IsLegacy { get; private init; }

    /// <summary>The failure kinds the handler's signature lists (its <see cref="Answer{T1,T2}"/> type arguments).</summary>
    public IEnumerable<Type> DeclaredFailures =>
        (AnswerType.IsGenericType ? AnswerType.GetGenericArguments() : [AnswerType]).Where(t => typeof(Failure).IsAssignableFrom(t));
}

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
    /// <summary>
    /// The query parameters the route reads. Declared (lists, reports): any other parameter is a 400, as unknown body
    /// fields are, so a typo never quietly widens an answer. Null: the route reads none and ignores what it is sent.
    /// </summary>
    public IReadOnlyList<string>? Query { get; init; }

    /// <summary>Also answers <c>Accept: text/csv</c>, with the next page's token in a <c>Continuation-Token</c> header.</summary>
    public bool Csv { get; init; }

    /// <summary>The failure kinds the handler's signature lists (its <see cref="Answer{T1,T2}"/> type arguments).</summary>
    public IEnumerable<Type> DeclaredFailures =>
        (AnswerType.IsGenericType ? AnswerType.GetGenericArguments() : [AnswerType]).Where(t => typeof(Failure).IsAssignableFrom(t));
}

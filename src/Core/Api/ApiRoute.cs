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
    private readonly IReadOnlyList<int>? success;

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

    /// <summary>The success statuses the handler answers with: 200 with a response body, 204 without, unless declared.</summary>
    public IReadOnlyList<int> Success
    {
        get => success ?? (ResponseType is null ? [204] : [200]);
        init => success = value;
    }

    /// <summary>The success answer carries the account's (or settings') <c>ETag</c>, for a later <c>If-Match</c>.</summary>
    public bool ETag { get; init; }

    /// <summary>The feature the route belongs to (its endpoints' folder): the OpenAPI tag.</summary>
    public string Feature => Endpoints.Namespace![(Endpoints.Namespace!.LastIndexOf('.') + 1)..];

    /// <summary>Also answers <c>Accept: text/csv</c> (a paged route with the next page's token in a <c>Continuation-Token</c> header).</summary>
    public bool Csv { get; init; }

    /// <summary>The failure kinds the handler's signature lists (its <see cref="Answer{T1,T2}"/> type arguments).</summary>
    public IEnumerable<Type> DeclaredFailures =>
        (AnswerType.IsGenericType ? AnswerType.GetGenericArguments() : [AnswerType]).Where(t => typeof(Failure).IsAssignableFrom(t));
}

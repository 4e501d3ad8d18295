namespace CustomerFunctions.Core.Http;

/// <summary>One entry of the route table: both hosts expose exactly these (name, verb, route) triples.</summary>
public sealed record ApiRoute(string Name, string Verb, string Route, Type Endpoints, Func<object, ApiRequest, Task<Microsoft.AspNetCore.Http.IResult>> Invoke)
{
    public RouteTemplate Template { get; } = new(Route);
    public bool Anonymous { get; init; }
    public string Summary { get; init; } = "";
    public string Who { get; init; } = "";
    public Type? BodyType { get; init; }
    public Type? ResponseType { get; init; }
    public IReadOnlyList<string> Query { get; init; } = [];

    /// <summary>Also answers <c>Accept: text/csv</c>, with the next page's token in a <c>Continuation-Token</c> header.</summary>
    public bool Csv { get; init; }

    public static ApiRoute For<TEndpoints>(string name, string verb, string route, Func<TEndpoints, ApiRequest, Task<Microsoft.AspNetCore.Http.IResult>> handler)
        where TEndpoints : class =>
        new(name, verb, route, typeof(TEndpoints), (endpoints, request) => handler((TEndpoints)endpoints, request));
}

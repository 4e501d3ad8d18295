namespace CustomerFunctions.Core.Api;

/// <summary>The routes the dispatcher serves (the composition root hands it the features' route lists).</summary>
/// <param name="refuseUndeclaredSuccess">
/// Development and tests: a handler answering a success status its route does not declare (and so the OpenAPI document
/// does not list) gets a 500 instead, so every test that reaches a success also checks the document. Elsewhere it is logged.
/// </param>
public sealed class RouteTable(IReadOnlyList<ApiRoute> routes, bool refuseUndeclaredSuccess = false)
{
    public IReadOnlyList<ApiRoute> Routes => routes;

    public bool RefuseUndeclaredSuccess => refuseUndeclaredSuccess;
}

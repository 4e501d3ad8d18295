namespace CustomerFunctions.Core.Api;

/// <summary>The routes the dispatcher serves (the composition root hands it the features' route lists).</summary>
public sealed class RouteTable(IReadOnlyList<ApiRoute> routes)
{
    public IReadOnlyList<ApiRoute> Routes => routes;
}

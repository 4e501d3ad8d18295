using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Messages;

/// <summary>Messages to customer users (issue 6).</summary>
public static class MessageRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
    ];
}

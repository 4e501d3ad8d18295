using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Registration;

/// <summary>Registration, approval, invitation links (issue 5).</summary>
public static class RegistrationRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
    ];
}

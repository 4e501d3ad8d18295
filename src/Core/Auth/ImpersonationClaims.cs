namespace CustomerFunctions.Core.Auth;

/// <summary>Claims that mark an impersonation token (only tokens this service signs carry them).</summary>
public static class ImpersonationClaims
{
    public const string By = "cf_impersonated_by";
    public const string Account = "cf_account";

    /// <summary>Issuer and audience of the impersonation tokens this service signs with its own key.</summary>
    public const string Issuer = "customer-functions";
    public const string Audience = "customer-functions";
}

namespace CustomerFunctions.Core.Auth;

/// <summary>Claims that mark an impersonation token (only tokens this service signs carry them).</summary>
public static class ImpersonationClaims
{
    public const string By = "cf_impersonated_by";
    public const string Account = "cf_account";

    /// <summary>The partner through which the impersonator started it; absent when an operator did.</summary>
    public const string Partner = "cf_partner";

    /// <summary>The impersonator's role in that partner when they started it (<c>operator</c> for an operator).</summary>
    public const string IssuerRole = "cf_issuer_role";
    public const string OperatorRole = "operator";

    /// <summary>Issuer and audience of the impersonation tokens this service signs with its own key.</summary>
    public const string Issuer = "customer-functions";
    public const string Audience = "customer-functions";
}

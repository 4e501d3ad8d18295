namespace CustomerFunctions.Core.Accounts;

/// <summary>Whom a route serves before any account is looked at.</summary>
public enum Audience
{
    /// <summary>No token needed.</summary>
    Anyone,

    /// <summary>Any valid token; the handler decides the rest (it acts on the caller's own data or on an account named in the body).</summary>
    SignedIn,

    /// <summary>Platform operators only (never through an impersonation token).</summary>
    Operators,

    /// <summary>Callers standing in one of <see cref="Access.Relations"/> to the account named in the route.</summary>
    Account,
}

/// <summary>
/// Who may call a route, declared once with the route. The dispatcher enforces it before the handler runs (opening and
/// authorizing the account session), and the OpenAPI text and the authorization matrix's check derive from it.
/// </summary>
public sealed record Access(Audience Audience, IReadOnlyList<Relation> Relations, bool IsWrite, string AccountRouteValue)
{
    public static readonly Access Anyone = new(Audience.Anyone, [], false, "");
    public static readonly Access SignedIn = new(Audience.SignedIn, [], false, "");
    public static readonly Access Operators = new(Audience.Operators, [Relation.Operator], false, "");

    /// <summary>Reads the account named by route value <paramref name="routeValue"/>.</summary>
    public static Access Reads(Relation[] who, string routeValue = "id") => new(Audience.Account, who, false, routeValue);

    /// <summary>Changes the account: also refused on a deleted account and to members of an account that is not active.</summary>
    public static Access Writes(Relation[] who, string routeValue = "id") => new(Audience.Account, who, true, routeValue);

    /// <summary>Set when impersonation tokens may not call the route: the detail of the 403 they get before any account is read.</summary>
    public string? ImpersonationRefused { get; init; }

    public bool IsAnonymous => Audience == Audience.Anyone;

    /// <summary>The "who" text of the OpenAPI document.</summary>
    public string Who => Audience switch
    {
        Audience.Anyone => "anyone (no token)",
        Audience.SignedIn => "any signed-in user",
        Audience.Operators => "operators",
        _ => string.Join("; ", Relations.Select(Describe).Where(d => d.Length > 0)) + (IsWrite ? " (writes)" : ""),
    };

    private string Describe(Relation relation) => relation switch
    {
        Relation.Operator => "operator",
        Relation.Partner => "its partner",
        Relation.Admin when Relations.Contains(Relation.Member) => "",
        Relation.Admin => "its admins",
        Relation.Member => "its members",
        _ => "",
    };
}

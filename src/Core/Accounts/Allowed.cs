namespace CustomerFunctions.Core.Accounts;

/// <summary>The "who" column of API.md as sets of relations.</summary>
public static class Allowed
{
    /// <summary>operator; its partner.</summary>
    public static readonly Relation[] Managers = [Relation.Operator, Relation.Partner];

    /// <summary>operator; its partner; its customer admins.</summary>
    public static readonly Relation[] Admins = [Relation.Operator, Relation.Partner, Relation.Admin];

    /// <summary>operator; its partner; its members.</summary>
    public static readonly Relation[] Everyone = [Relation.Operator, Relation.Partner, Relation.Admin, Relation.Member];

    /// <summary>its customer admins only.</summary>
    public static readonly Relation[] AccountAdmins = [Relation.Admin];

    /// <summary>operator; the partner account's own members (partner-scoped routes name the partner in the route).</summary>
    public static readonly Relation[] PartnerMembers = [Relation.Operator, Relation.Admin, Relation.Member];

    /// <summary>operator; the partner account's own admins (partner-scoped routes name the partner in the route).</summary>
    public static readonly Relation[] PartnerAdmins = [Relation.Operator, Relation.Admin];

    /// <summary>the account's own members (message recipients).</summary>
    public static readonly Relation[] OwnMembers = [Relation.Admin, Relation.Member];
}

namespace CustomerFunctions.Core.Storage;

/// <summary>How the caller stands to the account a request touches.</summary>
public enum Relation
{
    /// <summary>Not allowed to know the account exists: 404.</summary>
    None,

    /// <summary>A customer employee or partner employee of the account itself.</summary>
    Member,

    /// <summary>A customer admin or partner admin of the account itself.</summary>
    Admin,

    /// <summary>A member (admin or employee) of the partner that manages the account.</summary>
    Partner,

    /// <summary>A platform operator.</summary>
    Operator,
}

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
}

namespace CustomerFunctions.Core.Accounts;

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

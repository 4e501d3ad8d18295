namespace CustomerFunctions.Core.Email;

/// <summary>How urgent an email is when the platform's email budget runs short (see <see cref="EmailBudget"/>).</summary>
public enum EmailClass
{
    /// <summary>Someone is waiting on it to go on (a token to use, an account to start with): it may use the whole budget.</summary>
    Transactional,

    /// <summary>It informs (deletion notices, decisions): it leaves the reserve to transactional mail and waits first.</summary>
    Notice,
}

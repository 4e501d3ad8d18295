namespace CustomerFunctions.Core.Customers;

/// <summary>
/// A customer or partner account: the profile row of its partition, and the rules about its lifecycle. State changes
/// only through the methods below (the properties are set once, when the account is created or read).
/// </summary>
public sealed class Account
{
    public const int DefaultProjectQuota = 10;

    private AccountKind kind;
    private string name = "";
    private string? partnerId;
    private string? companyEmail;
    private string? firstName;
    private string? lastName;
    private string? customId;
    private string? seller;
    private string language = "en";
    private bool isTestAccount;
    private AccountStatus status = AccountStatus.Active;
    private AccountStage stage = AccountStage.Preparation;
    private int projectQuota = DefaultProjectQuota;
    private int projectCount;
    private DateTimeOffset? deletionDueAt;
    private DateTimeOffset? lastDisabledAt;
    private DateTimeOffset updatedAt;
    private long version;

    public required string Id { get; init; }
    public AccountKind Kind { get => kind; init => kind = value; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string Name { get => name; init => name = value; }
    public string? PartnerId { get => partnerId; init => partnerId = value; }
    public string? CompanyEmail { get => companyEmail; init => companyEmail = value; }
    public string? FirstName { get => firstName; init => firstName = value; }
    public string? LastName { get => lastName; init => lastName = value; }
    public string? CustomId { get => customId; init => customId = value; }
    public string? Seller { get => seller; init => seller = value; }
    public string Language { get => language; init => language = value; }
    public bool IsTestAccount { get => isTestAccount; init => isTestAccount = value; }
    public AccountStatus Status { get => status; init => status = value; }
    public AccountStage Stage { get => stage; init => stage = value; }
    public int ProjectQuota { get => projectQuota; init => projectQuota = value; }
    public int ProjectCount { get => projectCount; init => projectCount = value; }
    public DateTimeOffset? DeletionDueAt { get => deletionDueAt; init => deletionDueAt = value; }
    /// <summary>When the account was last disabled: impersonation tokens issued before it stay dead after a re-enable.</summary>
    public DateTimeOffset? LastDisabledAt { get => lastDisabledAt; init => lastDisabledAt = value; }

    public DateTimeOffset UpdatedAt { get => updatedAt; init => updatedAt = value; }
    /// <summary>Bumped by every command on the account; orders the derived index rows.</summary>
    public long Version { get => version; init => version = value; }


    public bool IsDeleted => Status == AccountStatus.Deleted;

    /// <summary>Members of a disabled, pending or deleted account may read, nothing more.</summary>
    public bool MembersMayWrite => Status is AccountStatus.Active or AccountStatus.DeletionRequested;

    /// <summary>The fields people edit (PATCH): everything but the lifecycle.</summary>
    public AccountDetails Details => new(Name, CompanyEmail, FirstName, LastName, CustomId, Seller, Language, IsTestAccount);

    public bool CanChangeStatusTo(AccountStatus target) =>
        (Status, target) is (AccountStatus.Active, AccountStatus.Disabled) or (AccountStatus.Disabled, AccountStatus.Active);

    /// <summary>Counts the next command: the derived index rows order their writes by it.</summary>
    public void Bump() => version++;

    /// <summary>Undoes <see cref="Bump"/> when the command did not commit.</summary>
    public void Unbump() => version--;

    public void Edit(AccountDetails next, DateTimeOffset now)
    {
        (name, companyEmail, firstName, lastName, customId, seller, language, isTestAccount) = next;
        updatedAt = now;
    }

    /// <summary>Enables or disables (see <see cref="CanChangeStatusTo"/>); disabling also ends every impersonation of the account.</summary>
    /// <summary>
    /// A customer nobody manages becomes a partner (its members' roles are mapped by the caller, in the same transaction).
    /// A managed customer cannot: a partner is never managed, and its partner would lose the account.
    /// </summary>
    public void BecomePartner(DateTimeOffset now)
    {
        if (Kind != AccountKind.Customer || PartnerId is not null)
        {
            throw new InvalidOperationException($"Account {Id} is not an unmanaged customer.");
        }
        kind = AccountKind.Partner;
        updatedAt = now;
    }

    public void ChangeStatus(AccountStatus target, DateTimeOffset now)
    {
        if (!CanChangeStatusTo(target))
        {
            throw new InvalidOperationException($"Account {Id} cannot go from {Status} to {target}.");
        }
        status = target;
        updatedAt = now;
        if (target == AccountStatus.Disabled)
        {
            lastDisabledAt = now;
        }
    }

    /// <summary>Lowering the quota below the projects that exist is allowed: it only stops new ones.</summary>
    public void SetProjectQuota(int quota, DateTimeOffset now)
    {
        projectQuota = quota;
        updatedAt = now;
    }

    /// <summary>Counts one more project, or says why the quota has no room left.</summary>
    public QuotaExceeded? TakeProjectSlot()
    {
        if (projectCount < projectQuota)
        {
            projectCount++;
            return null;
        }
        return new QuotaExceeded(projectCount, projectQuota);
    }

    /// <summary>Gives a deleted project's place back.</summary>
    public void ReturnProjectSlot() => projectCount = Math.Max(0, projectCount - 1);

    /// <summary>The stage follows the products' statuses (see StageRules); true when it changed.</summary>
    public bool MoveToStage(AccountStage next, DateTimeOffset now)
    {
        if (stage == next)
        {
            return false;
        }
        stage = next;
        updatedAt = now;
        return true;
    }

    /// <summary>A registration waiting for approval becomes an active account.</summary>
    public void Approve(DateTimeOffset now)
    {
        status = AccountStatus.Active;
        updatedAt = now;
    }

    public void RequestDeletion(DateTimeOffset dueAt, DateTimeOffset now)
    {
        status = AccountStatus.DeletionRequested;
        deletionDueAt = dueAt;
        updatedAt = now;
    }

    public void CancelDeletion(DateTimeOffset now)
    {
        status = AccountStatus.Active;
        deletionDueAt = null;
        updatedAt = now;
    }

    /// <summary>Deleted (or rejected) for good: only the record of the account stays, without the people's names in it.</summary>
    public void MarkDeleted(DateTimeOffset now)
    {
        status = AccountStatus.Deleted;
        stage = AccountStage.Deleted;
        deletionDueAt = null;
        firstName = null;
        lastName = null;
        companyEmail = null;
        updatedAt = now;
    }
}

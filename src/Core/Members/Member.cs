using CustomerFunctions.Core.Customers;

namespace CustomerFunctions.Core.Members;

public enum MemberRole { CustomerAdmin, CustomerEmployee, PartnerAdmin, PartnerEmployee }

/// <summary>A user's membership of one account.</summary>
public sealed record Member(string UserId, string? Email, string? Name, MemberRole Role, DateTimeOffset AddedAt)
{
    /// <summary>The language of this user's emails; null: the account's.</summary>
    public string? Language { get; init; }

    /// <summary>The language this user reads in <paramref name="account"/>: their own, else the account's (emails, the panel).</summary>
    public string LanguageIn(Account account) => Language ?? account.Language;

    public bool IsAdmin => Role is MemberRole.CustomerAdmin or MemberRole.PartnerAdmin;

    /// <summary>User ids come from tokens (at most 128 characters); anything else in a route cannot name a member.</summary>
    public static bool IsUserId(string? value) => !string.IsNullOrEmpty(value) && value.Length <= 128 && !value.Any(char.IsControl);

    public Member WithRole(MemberRole role) => this with { Role = role };

    public static MemberRole AdminRoleFor(AccountKind kind) => kind == AccountKind.Partner ? MemberRole.PartnerAdmin : MemberRole.CustomerAdmin;

    public static MemberRole EmployeeRoleFor(AccountKind kind) => kind == AccountKind.Partner ? MemberRole.PartnerEmployee : MemberRole.CustomerEmployee;

    /// <summary>The role of the same rank in an account of <paramref name="kind"/>: customerAdmin becomes partnerAdmin, and so on.</summary>
    public static MemberRole SameRankIn(MemberRole role, AccountKind kind) =>
        role is MemberRole.CustomerAdmin or MemberRole.PartnerAdmin ? AdminRoleFor(kind) : EmployeeRoleFor(kind);

    public static bool RoleFits(MemberRole role, AccountKind kind) =>
        kind == AccountKind.Partner ? role is MemberRole.PartnerAdmin or MemberRole.PartnerEmployee : role is MemberRole.CustomerAdmin or MemberRole.CustomerEmployee;
}

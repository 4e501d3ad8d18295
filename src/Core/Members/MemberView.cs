using CustomerFunctions.Core.Customers;

namespace CustomerFunctions.Core.Members;

/// <summary>A member as the API returns it.</summary>
public sealed record MemberView(string UserId, string? Email, string? Name, string? Language, MemberRole Role, DateTimeOffset AddedAt)
{
    public static MemberView From(Member m) => new(m.UserId, m.Email, m.Name, m.Language, m.Role, m.AddedAt);
}

/// <summary>One page of an account's members.</summary>
public sealed record MemberList(IReadOnlyList<MemberView> Items, string? ContinuationToken);

public sealed record ChangeRoleBody(MemberRole? Role);

/// <summary>What <c>GET /api/me</c> answers: who the caller is and which accounts they belong to.</summary>
public sealed record MeView(string UserId, string? Email, string? Name, bool IsOperator, IReadOnlyList<MembershipView> Memberships, MeFeatures Features)
{
    /// <summary>Present when the caller holds an impersonation token: who is acting, and the one account it reaches.</summary>
    public Impersonation.ImpersonationDescription? Impersonation { get; init; }
}

/// <summary>One account the caller belongs to; <c>Language</c> is the one they read in there (their own, else the account's).</summary>
public sealed record MembershipView(string CustomerId, string? Name, AccountKind Kind, MemberRole Role, AccountStatus? Status, string? PartnerId, string? Language);

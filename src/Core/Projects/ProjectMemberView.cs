using CustomerFunctions.Core.Members;

namespace CustomerFunctions.Core.Projects;

/// <summary>A member with explicit access to a project.</summary>
public sealed record ProjectMemberView(string UserId, string? Email, string? Name, MemberRole Role, DateTimeOffset GrantedAt, string GrantedBy);

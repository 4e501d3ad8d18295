namespace CustomerFunctions.Core.Projects;

/// <summary>One user's access to one project. Rows are keyed user first (see <see cref="ProjectAccessRow.Id"/>).</summary>
public sealed record ProjectAccess(string UserId, string ProjectId, DateTimeOffset GrantedAt, string GrantedBy);

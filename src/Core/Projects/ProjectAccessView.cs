namespace CustomerFunctions.Core.Projects;

/// <summary>One member's access to one project, as the API returns it.</summary>
public sealed record ProjectAccessView(string ProjectId, string UserId, DateTimeOffset GrantedAt, string GrantedBy)
{
    public static ProjectAccessView From(ProjectAccess a) => new(a.ProjectId, a.UserId, a.GrantedAt, a.GrantedBy);
}

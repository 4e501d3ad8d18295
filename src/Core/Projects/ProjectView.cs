using CustomerFunctions.Core.Members;

namespace CustomerFunctions.Core.Projects;

/// <summary>A project as the API returns it, with the members who were given access (customer admins see every project anyway).</summary>
public sealed record ProjectView(string Id, string Name, DateTimeOffset CreatedAt, string CreatedBy, IReadOnlyList<ProjectMemberView> Members)
{
    public static ProjectView From(Project project, IEnumerable<ProjectAccess> access, IReadOnlyDictionary<string, Member> members) => new(
        project.Id, project.Name, project.CreatedAt, project.CreatedBy,
        [.. access
            .Where(a => a.ProjectId == project.Id)
            .Select(a => (Access: a, Member: members.GetValueOrDefault(a.UserId)))
            .Where(x => x.Member is not null)
            .Select(x => new ProjectMemberView(x.Access.UserId, x.Member!.Email, x.Member.Name, x.Member.Role, x.Access.GrantedAt, x.Access.GrantedBy))
            .OrderBy(v => v.UserId, StringComparer.Ordinal)]);
}

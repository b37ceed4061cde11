/** Where the front server serves MCP; its own module so the stdio bridge can import it without the server. */
export const MCP_PATH = "/api/mcp";

// Entry point of the `readiness` tool; the commands are built in Commands/.
return 0;

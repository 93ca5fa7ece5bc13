/** Today's date in China (ISO), as the bureaus count days: a server in UTC is still on yesterday until
 *  08:00 Beijing time. For the API's "not in the future" checks. */
export const chinaToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

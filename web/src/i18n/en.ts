/** English texts. Every visible string in the web app comes from here through `t()`. */
export const en = {
  common: {
    productName: 'Ordo',
    skipToContent: 'Skip to main content',
  },
  portal: {
    documentTitle: 'Track your order · {{shop}}',
    shopName: 'Ordo demo shop',
    eyebrow: 'Customer service',
    headline: 'Where is my order?',
    lead: 'Enter your order number and the email address you used at checkout to follow your delivery or send something back.',
    orderNumber: 'Order number',
    orderNumberPlaceholder: '#1001',
    email: 'Email address',
    emailPlaceholder: 'you@example.com',
    track: {
      title: 'Track an order',
      description: 'See where your parcel is and when it should arrive.',
      submit: 'Track order',
      comingSoonTitle: 'Order tracking is coming soon',
      comingSoonBody:
        'We cannot look up order {{orderNumber}} online yet. This shop has not switched on order tracking so far.',
    },
    return: {
      title: 'Start a return',
      description: 'Send items back and choose a refund or an exchange.',
      submit: 'Start a return',
      comingSoonTitle: 'Online returns are coming soon',
      comingSoonBody:
        'We cannot start a return for order {{orderNumber}} online yet. This shop has not switched on online returns so far.',
    },
    validation: {
      orderNumberRequired: 'Enter your order number.',
      emailRequired: 'Enter the email address you used for the order.',
      emailInvalid: 'Enter a valid email address, such as you@example.com.',
    },
    footer: {
      poweredBy: 'Powered by Ordo',
      staffSignIn: 'Staff sign-in',
    },
  },
  admin: {
    backOffice: 'Back office',
    openNavigation: 'Open navigation',
    closeNavigation: 'Close navigation',
    mainNavigation: 'Main navigation',
    customerPortal: 'Customer portal',
    signIn: 'Sign in',
    nav: {
      dashboard: 'Dashboard',
      orders: 'Orders',
      inventory: 'Inventory',
      fulfilment: 'Fulfilment',
      returns: 'Returns',
      customers: 'Customers',
      catalog: 'Catalog',
      serviceDesk: 'Service desk',
      reports: 'Reports',
      settings: 'Settings',
    },
    dashboard: {
      documentTitle: 'Dashboard · Ordo',
      headline: 'Welcome to Ordo',
      lead: 'This is the back office, where your team will run orders, stock, fulfilment, returns and the service desk.',
      apiTitle: 'Working with Ordo today',
      body: 'The screens arrive module by module. Until then, everything Ordo already does is available through its HTTP API, described in the interactive API documentation.',
      apiDocs: 'Open the API docs',
    },
    section: {
      documentTitle: '{{section}} · Ordo',
      comingLater: 'This section arrives with a later release',
      comingLaterBody:
        'Meanwhile, the API documentation lists what the server can already do for {{section}}.',
      backToDashboard: 'Back to the dashboard',
      apiDocs: 'API docs',
    },
  },
  signIn: {
    documentTitle: 'Sign in · Ordo',
    headline: 'Sign in to Ordo',
    lead: 'Staff access to the back office.',
    email: 'Email',
    emailPlaceholder: 'you@company.com',
    password: 'Password',
    submit: 'Sign in',
    failedTitle: 'Sign-in failed',
    unreachable: 'The server could not be reached. Check your connection and try again.',
    emailRequired: 'Enter your email address.',
    passwordRequired: 'Enter your password.',
    backToShop: 'Back to the shop',
  },
  notFound: {
    documentTitle: 'Page not found · Ordo',
    code: '404',
    headline: 'Page not found',
    body: 'The page you asked for does not exist or has moved.',
    home: 'Go to the start page',
    adminHome: 'Back to the dashboard',
  },
} as const;

export type Resources = typeof en;
